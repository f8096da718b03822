"""TestLoader: finds the tests of classes, modules and names (pyc's own implementation)."""

import sys

from . import case, suite, util

__unittest = True

VALID_MODULE_NAME_SUFFIX = '.py'


def _fnmatchcase(name, pattern):
    """Shell-style matching: `*`, `?` and `[...]` classes."""
    def match(i, j):
        while j < len(pattern):
            p = pattern[j]
            if p == '*':
                for k in range(i, len(name) + 1):
                    if match(k, j + 1):
                        return True
                return False
            if i >= len(name):
                return False
            if p == '?':
                i += 1
                j += 1
                continue
            if p == '[':
                end = pattern.find(']', j + 2)
                if end != -1:
                    chars = pattern[j + 1:end]
                    negate = chars.startswith('!')
                    if negate:
                        chars = chars[1:]
                    hit = False
                    k = 0
                    while k < len(chars):
                        if k + 2 < len(chars) and chars[k + 1] == '-':
                            hit = hit or chars[k] <= name[i] <= chars[k + 2]
                            k += 3
                        else:
                            hit = hit or chars[k] == name[i]
                            k += 1
                    if hit == negate:
                        return False
                    i += 1
                    j = end + 1
                    continue
            if p != name[i]:
                return False
            i += 1
            j += 1
        return i == len(name)
    return match(0, 0)


class _FailedTest(case.TestCase):
    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super(_FailedTest, self).__init__(method_name)

    def __getattr__(self, name):
        if name != self._testMethodName:
            return super(_FailedTest, self).__getattribute__(name)

        def testFailure():
            raise self._exception
        return testFailure


def _make_failed_test(methodname, exception, suiteClass, message):
    test = _FailedTest(methodname, exception)
    return suiteClass((test,)), message


class TestLoader:
    """Makes suites of tests from classes, modules and dotted names."""

    testMethodPrefix = 'test'
    suiteClass = suite.TestSuite
    testNamePatterns = None
    _top_level_dir = None

    def __init__(self):
        self.errors = []
        self._loading_packages = set()

    def loadTestsFromTestCase(self, testCaseClass):
        """A suite of every test method of a TestCase class."""
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from "
                            "TestSuite. Maybe you meant to derive from "
                            "TestCase?")
        testCaseNames = self.getTestCaseNames(testCaseClass)
        if not testCaseNames and hasattr(testCaseClass, 'runTest'):
            testCaseNames = ['runTest']
        return self.suiteClass(map(testCaseClass, testCaseNames))

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        """A suite of every TestCase class in a module (or what its load_tests
        makes of them)."""
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, case.TestCase):
                tests.append(self.loadTestsFromTestCase(obj))
        load_tests = getattr(module, 'load_tests', None)
        tests = self.suiteClass(tests)
        if load_tests is not None:
            try:
                return load_tests(self, tests, pattern)
            except Exception as e:
                error_case, error_message = _make_failed_test(
                    module.__name__, e, self.suiteClass,
                    'Failed to call load_tests:\n%s' % (e,))
                self.errors.append(error_message)
                return error_case
        return tests

    def loadTestsFromName(self, name, module=None):
        """The tests a dotted name stands for: a module, class, method or callable."""
        parts = name.split('.')
        error_case, error_message = None, None
        if module is None:
            parts_copy = parts[:]
            while parts_copy:
                try:
                    module_name = '.'.join(parts_copy)
                    module = __import__(module_name)
                    break
                except ImportError as e:
                    next_attribute = parts_copy.pop()
                    error_case, error_message = _make_failed_test(
                        next_attribute, e, self.suiteClass,
                        'Failed to import test module: %s\n%s' % (next_attribute, e))
                    if not parts_copy:
                        self.errors.append(error_message)
                        return error_case
            parts = parts[1:]
        obj = module
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                if (getattr(obj, '__path__', None) is not None
                        and error_case is not None):
                    self.errors.append(error_message)
                    return error_case
                error_case, error_message = _make_failed_test(
                    part, e, self.suiteClass,
                    'Failed to access attribute:\n%s' % (e,))
                self.errors.append(error_message)
                return error_case
        if type(obj).__name__ == 'module':
            return self.loadTestsFromModule(obj)
        elif isinstance(obj, type) and issubclass(obj, case.TestCase):
            return self.loadTestsFromTestCase(obj)
        elif (callable(obj) and not isinstance(obj, type) and isinstance(parent, type)
              and issubclass(parent, case.TestCase)):
            name = parts[-1]
            inst = parent(name)
            if not isinstance(getattr(inst, name), type(lambda: None)):
                return self.suiteClass([inst])
            return self.suiteClass([inst])
        elif isinstance(obj, suite.TestSuite):
            return obj
        if callable(obj):
            test = obj()
            if isinstance(test, suite.TestSuite):
                return test
            elif isinstance(test, case.TestCase):
                return self.suiteClass([test])
            raise TypeError("calling %s returned %s, not a test" % (obj, test))
        raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        suites = [self.loadTestsFromName(name, module) for name in names]
        return self.suiteClass(suites)

    def getTestCaseNames(self, testCaseClass):
        """The sorted names of a class's test methods (filtered by testNamePatterns)."""
        def shouldIncludeMethod(attrname):
            if not attrname.startswith(self.testMethodPrefix):
                return False
            testFunc = getattr(testCaseClass, attrname)
            if not callable(testFunc):
                return False
            fullName = f'{testCaseClass.__module__}.{testCaseClass.__qualname__}.{attrname}'
            return self.testNamePatterns is None or \
                any(_fnmatchcase(fullName, pattern) for pattern in self.testNamePatterns)
        return sorted(filter(shouldIncludeMethod, dir(testCaseClass)))

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        """The tests of every module under `start_dir` whose file name matches."""
        import os
        if top_level_dir is None:
            top_level_dir = start_dir
        top_level_dir = os.path.abspath(top_level_dir)
        if top_level_dir not in sys.path:
            sys.path.insert(0, top_level_dir)
        start_dir = os.path.abspath(start_dir)
        tests = list(self._find_tests(start_dir, pattern, top_level_dir))
        return self.suiteClass(tests)

    def _find_tests(self, start_dir, pattern, top_level_dir):
        import os
        for name in sorted(os.listdir(start_dir)):
            full_path = os.path.join(start_dir, name)
            if os.path.isfile(full_path):
                if not name.endswith(VALID_MODULE_NAME_SUFFIX):
                    continue
                if not _fnmatchcase(name, pattern):
                    continue
                rel = os.path.relpath(full_path[:-3], top_level_dir)
                module_name = rel.replace(os.sep, '.')
                try:
                    __import__(module_name)
                except case.SkipTest as e:
                    yield _make_skipped(name, str(e), self.suiteClass)
                    continue
                except Exception as e:
                    error_case, error_message = _make_failed_test(
                        module_name, e, self.suiteClass,
                        'Failed to import test module: %s' % module_name)
                    self.errors.append(error_message)
                    yield error_case
                    continue
                yield self.loadTestsFromModule(sys.modules[module_name], pattern=pattern)
            elif os.path.isdir(full_path):
                if not os.path.isfile(os.path.join(full_path, '__init__.py')):
                    continue
                yield from self._find_tests(full_path, pattern, top_level_dir)


def _make_skipped(name, reason, suiteClass):
    @case.skip(reason)
    def testSkipped(self):
        pass
    attrs = {name: testSkipped}
    TestClass = type("ModuleSkipped", (case.TestCase,), attrs)
    return suiteClass((TestClass(name),))


defaultTestLoader = TestLoader()
