"""unittest.main: runs the tests of a module from the command line (pyc's own
implementation)."""

import sys

from . import loader, runner

__unittest = True

USAGE = """\
usage: %(prog)s [-h] [-v] [-q] [--locals] [-f] [-c] [-b] [-k TESTNAMEPATTERNS] [tests ...]
"""


class TestProgram:
    """Parses a command line, loads the tests and runs them; with `exit`, ends the
    process with status 0 when they all passed, else 1."""

    module = None
    verbosity = 1
    failfast = catchbreak = buffer = progName = warnings = testNamePatterns = None

    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None,
                 testLoader=loader.defaultTestLoader, exit=True, verbosity=1,
                 failfast=None, catchbreak=None, buffer=None, warnings=None, *,
                 tb_locals=False):
        if isinstance(module, str):
            self.module = __import__(module)
            for part in module.split('.')[1:]:
                self.module = getattr(self.module, part)
        else:
            self.module = module
        if argv is None:
            argv = sys.argv
        self.exit = exit
        self.failfast = failfast
        self.catchbreak = catchbreak
        self.verbosity = verbosity
        self.buffer = buffer
        self.tb_locals = tb_locals
        self.warnings = warnings
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = _prog_name(argv[0]) if argv else 'python'
        self.parseArgs(argv)
        self.runTests()

    def usageExit(self, msg=None):
        if msg:
            print(msg)
        print(USAGE % {'prog': self.progName}, end='')
        sys.exit(2)

    def parseArgs(self, argv):
        self.testNames = []
        patterns = []
        args = list(argv[1:])
        discover = self.module is None and args[:1] == ['discover']
        if discover:
            args = args[1:]
        start, pattern, top = '.', 'test*.py', None
        positional = []
        while args:
            arg = args.pop(0)
            if arg in ('-h', '--help'):
                self.usageExit()
            elif arg in ('-v', '--verbose'):
                self.verbosity = 2
            elif arg in ('-q', '--quiet'):
                self.verbosity = 0
            elif arg in ('-f', '--failfast'):
                self.failfast = True
            elif arg in ('-c', '--catch'):
                self.catchbreak = True
            elif arg in ('-b', '--buffer'):
                self.buffer = True
            elif arg == '--locals':
                self.tb_locals = True
            elif arg == '-k' or arg.startswith('-k'):
                value = arg[2:] or (args.pop(0) if args else None)
                if value is None:
                    self._argument_error("argument -k: expected one argument")
                patterns.append(value if '*' in value else '*%s*' % value)
            elif discover and arg in ('-s', '--start-directory') and args:
                start = args.pop(0)
            elif discover and arg in ('-p', '--pattern') and args:
                pattern = args.pop(0)
            elif discover and arg in ('-t', '--top-level-directory') and args:
                top = args.pop(0)
            elif arg.startswith('-') and arg != '-':
                self._argument_error("unrecognized arguments: %s" % arg)
            else:
                positional.append(arg)
        if patterns:
            self.testNamePatterns = patterns
        if discover or (self.module is None and not positional):
            if discover and positional:
                start = positional[0]
                if len(positional) > 1:
                    pattern = positional[1]
                if len(positional) > 2:
                    top = positional[2]
            self.testNames = None
            self.testLoader.testNamePatterns = self.testNamePatterns
            self.test = self.testLoader.discover(start, pattern, top)
            return
        if positional:
            self.testNames = [_convert_name(name) for name in positional]
        elif self.defaultTest is None:
            self.testNames = None
        elif isinstance(self.defaultTest, str):
            self.testNames = (self.defaultTest,)
        else:
            self.testNames = list(self.defaultTest)
        self.createTests()

    def _argument_error(self, message):
        print(USAGE % {'prog': self.progName}, end='', file=sys.stderr)
        print('%s: error: %s' % (self.progName, message), file=sys.stderr)
        sys.exit(2)

    def createTests(self, from_discovery=False, Loader=None):
        if self.testNamePatterns:
            self.testLoader.testNamePatterns = self.testNamePatterns
        if self.testNames is None:
            self.test = self.testLoader.loadTestsFromModule(self.module)
        else:
            self.test = self.testLoader.loadTestsFromNames(self.testNames, self.module)

    def runTests(self):
        if self.testRunner is None:
            self.testRunner = runner.TextTestRunner
        if isinstance(self.testRunner, type):
            try:
                testRunner = self.testRunner(verbosity=self.verbosity, failfast=self.failfast,
                                             buffer=self.buffer, warnings=self.warnings,
                                             tb_locals=self.tb_locals)
            except TypeError:
                testRunner = self.testRunner(verbosity=self.verbosity, failfast=self.failfast,
                                             buffer=self.buffer, warnings=self.warnings)
        else:
            testRunner = self.testRunner
        self.result = testRunner.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


def _prog_name(argv0):
    if argv0.endswith('__main__.py') or argv0 == '-m':
        return 'python -m unittest'
    return argv0.rsplit('/', 1)[-1]


def _convert_name(name):
    """A test name given as a path (`tests/test_x.py`) becomes a module name."""
    if name.endswith('.py') and ('/' in name or name.count('.') == 1):
        name = name[:-3]
        while name.startswith('./'):
            name = name[2:]
        return name.replace('/', '.')
    return name


main = TestProgram
