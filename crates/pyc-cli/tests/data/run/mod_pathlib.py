import os
from pathlib import Path, PurePath, PurePosixPath, PosixPath

p = Path("a/b/c.tar.gz")
print(p, repr(p), type(p).__name__, isinstance(p, PurePath))
print(p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parts, p.is_absolute())
print(Path("/usr") / "lib" / "x.py", "top" / Path("x"), Path("a", "b/", "./c"), Path(), Path("a//b/"))
print(Path("/a/b").parent.parent, Path("/").parent, Path("/a/b").anchor, [str(x) for x in Path("a/b/c").parents])
print(p.with_name("d.txt"), p.with_suffix(".bz2"), Path("x.py").with_stem("y"), Path("/a/b/c").relative_to("/a"))
print(Path("a") == Path("a/"), Path("a") == PurePosixPath("a"), Path("a") < Path("b"), os.fspath(Path("q/r")))
print(Path("a/b.py").match("*.py"), Path("/a/b.py").match("/*.py"), Path("a/b.py").match("a/*.py"))
try:
    Path("/a").relative_to("/b")
except ValueError as e:
    print("ValueError", e)
try:
    p.with_suffix("bad")
except ValueError as e:
    print("ValueError", e)

here = Path(__file__).parent.resolve()
base = here / "_mod_pathlib_scratch"
print(base.name, base.exists(), base.is_absolute(), Path(__file__).resolve().is_file())
(base / "sub" / "deep").mkdir(parents=True)
base.joinpath("sub").mkdir(exist_ok=True)
f = base / "notes.txt"
print(f.write_text("hello\nworld\n"))
print(repr(f.read_text()), f.exists(), f.is_file(), f.is_dir(), f.stat().st_size)
(base / "b.py").write_text("x = 1\n")
(base / "a.py").write_text("y = 2\n")
print(sorted(x.name for x in base.iterdir()))
print([x.name for x in base.glob("*.py")], [str(x.relative_to(base)) for x in base.glob("**/deep")])
g = f.rename(base / "renamed.txt")
print(g.name, f.exists(), g.exists())
g.unlink()
g.unlink(missing_ok=True)
try:
    g.unlink()
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
for x in ("a.py", "b.py"):
    (base / x).unlink()
(base / "sub" / "deep").rmdir()
(base / "sub").rmdir()
base.rmdir()
print(base.exists(), Path.cwd() == Path(os.getcwd()))
print(Path("/x", "b", "/y", "c"), Path("a", "/b"), PurePath("/", "a"))
