"""Meaning: sentence embeddings from a bundled multilingual model, a signal beside shared words.

``embedder`` names the model behind one small protocol, ``model_files`` keeps
its tokenizer and weights in the cache ready to open, ``store`` keeps its
vectors on disk per passage text and model version, ``vectors`` embeds
passages through the store and takes a story's topic out of them. Nothing here
imports numpy or the model until a vector is asked for.
"""
