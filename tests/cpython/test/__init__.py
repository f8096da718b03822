"""pyc's stand-in for CPython's `test` package: just enough of `test.support` to run
CPython's own unittest files for closures, functions and classes under pyc-run."""
