"""Meaning: sentence embeddings from a bundled multilingual model, a signal beside shared words.

``embedder`` names the model behind one small protocol, ``model_files`` opens
its tokenizer (sentencepiece's) and keeps its weights in the cache ready to
open, ``store`` keeps its vectors on disk per passage text and model version,
``vectors`` embeds passages through the store and takes a story's topic out of
them. Nothing here
imports numpy or the model until a vector is asked for.
"""
