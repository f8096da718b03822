"""A package for mod_importlib.py."""
name = "pkg"
