"""The pieces of scripts/make_kind_corpus.py: what each kind of document says, and the house styles."""
