"""A submodule for mod_importlib.py: counts how often its body ran."""
import sys

runs = getattr(sys, "mod_importlib_runs", 0) + 1
sys.mod_importlib_runs = runs
