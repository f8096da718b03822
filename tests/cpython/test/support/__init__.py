"""The parts of CPython's `test.support` that the closure-related test files use,
written for pyc."""

import gc
import sys
import unittest

__all__ = ["check_syntax_error", "cpython_only", "gc_collect", "run_unittest",
           "captured_stdout", "swap_attr", "requires_docstrings", "MISSING_C_DOCSTRINGS",
           "check_impl_detail", "verbose"]

verbose = 1
MISSING_C_DOCSTRINGS = True


def check_syntax_error(testcase, statement, errtext='', *, lineno=None, offset=None):
    """Asserts that compiling `statement` raises SyntaxError (matching `errtext`)."""
    with testcase.assertRaisesRegex(SyntaxError, errtext) as cm:
        compile(statement, '<test string>', 'exec')
    err = cm.exception
    testcase.assertIsNotNone(err.lineno)
    if lineno is not None:
        testcase.assertEqual(err.lineno, lineno)
    testcase.assertIsNotNone(err.offset)
    if offset is not None:
        testcase.assertEqual(err.offset, offset)


def check_impl_detail(**guards):
    """Whether the running implementation is one of those named (`cpython=True`)."""
    name = sys.implementation.name
    if name in guards:
        return guards[name]
    return not any(guards.values()) if guards else name == "cpython"


def cpython_only(test):
    """Skips a test that checks a CPython implementation detail."""
    return unittest.skipUnless(check_impl_detail(), "implementation detail specific to cpython")(test)


def requires_docstrings(test):
    return test


def gc_collect():
    """Runs the collector until nothing more is freed, so weak references clear."""
    gc.collect()
    gc.collect()
    gc.collect()


def run_unittest(*classes):
    suite = unittest.TestSuite()
    loader = unittest.TestLoader()
    for cls in classes:
        if isinstance(cls, str):
            suite.addTests(loader.loadTestsFromModule(sys.modules[cls]))
        elif isinstance(cls, (unittest.TestSuite, unittest.TestCase)):
            suite.addTest(cls)
        else:
            suite.addTests(loader.loadTestsFromTestCase(cls))
    result = unittest.TextTestRunner(verbosity=verbose).run(suite)
    if not result.wasSuccessful():
        raise AssertionError("tests failed")


class swap_attr:
    """Temporarily sets obj.attr = new_val."""

    def __init__(self, obj, attr, new_val):
        self.obj, self.attr, self.new_val = obj, attr, new_val

    def __enter__(self):
        self.had = hasattr(self.obj, self.attr)
        self.old = getattr(self.obj, self.attr, None)
        setattr(self.obj, self.attr, self.new_val)
        return self.old

    def __exit__(self, *exc):
        if self.had:
            setattr(self.obj, self.attr, self.old)
        else:
            delattr(self.obj, self.attr)
