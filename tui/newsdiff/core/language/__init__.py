"""Language: text folding, tokens, sentence splitting, lemmas and language detection."""
