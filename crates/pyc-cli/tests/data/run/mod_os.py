import os
import os.path
import sys

print(os.name, os.sep, repr(os.linesep), os.curdir, os.pardir, os.pathsep, os.path is sys.modules["os.path"])
here = os.path.dirname(os.path.abspath(__file__))
base = os.path.join(here, "_mod_os_scratch")
print(os.path.isabs(base), os.path.basename(base), os.path.exists(base))
os.makedirs(os.path.join(base, "a", "b"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "a"))
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror, os.path.basename(e.filename))
os.mkdir(os.path.join(base, "c"))
print(sorted(os.listdir(base)), os.path.isdir(os.path.join(base, "a")), os.path.isfile(base))
try:
    os.listdir(os.path.join(base, "missing"))
except FileNotFoundError as e:
    print("FileNotFoundError", str(e).replace(base, "BASE"))
try:
    os.rmdir(os.path.join(base, "a"))
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
os.rename(os.path.join(base, "c"), os.path.join(base, "d"))
print(sorted(os.listdir(base)))
for top, dirs, files in os.walk(base):
    print(os.path.relpath(top, base), sorted(dirs), files)
os.rmdir(os.path.join(base, "d"))
os.removedirs(os.path.join(base, "a", "b"))
print(os.path.exists(base))
try:
    os.remove(os.path.join(here, "no_such_file.txt"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
st = os.stat(__file__)
print(type(st).__name__, st.st_size == os.path.getsize(__file__), st.st_size > 0, st[6] == st.st_size, len(st))
print(os.path.getmtime(__file__) > 0)

print(os.path.join("a", "b", "c"), os.path.join("a/", "b"), os.path.join("a", "/b", "c"), os.path.join("", "x"))
print(os.path.split("/usr/lib/x.py"), os.path.split("x.py"), os.path.split("/"), os.path.split("a//b"))
print(os.path.splitext("a/b.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a.b/c"), os.path.splitext("x."))
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/c"), os.path.dirname("c"), os.path.dirname("/"))
print(os.path.normpath("a//b/./c/../d"), os.path.normpath("/../x"), os.path.normpath(""), os.path.normpath("//a"), os.path.normpath("../../a"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.relpath("/a/b/c", "/a/d"), os.path.relpath("/a", "/a"))
print(os.path.abspath("x") == os.path.join(os.getcwd(), "x"), os.path.realpath(".") == os.path.realpath(os.getcwd()))
os.environ["PYC_TEST_VAR"] = "hello"
print(os.environ["PYC_TEST_VAR"], os.getenv("PYC_TEST_VAR"), os.getenv("PYC_NO_SUCH_VAR"), os.getenv("PYC_NO_SUCH_VAR", "dflt"))
print("PYC_TEST_VAR" in os.environ, os.environ.get("PYC_NO_SUCH_VAR", 1))
os.environ["HOME"] = "/home/someone"
print(os.path.expanduser("~/x"), os.path.expanduser("~"), os.path.expanduser("a/~"))
print(os.path.expandvars("$PYC_TEST_VAR/${PYC_TEST_VAR}/$PYC_NO_SUCH_VAR"))
del os.environ["PYC_TEST_VAR"]
print(os.getenv("PYC_TEST_VAR"))
print(type(os.getpid()).__name__, os.cpu_count() >= 1, os.fspath("p"))
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError", e)
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]))
