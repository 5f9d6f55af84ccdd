"""The default dictionary set, installed as ``eventcoder._dictionaries`` (data only)."""
