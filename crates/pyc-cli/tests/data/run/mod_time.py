import time
t0 = time.time()
print(type(t0).__name__, t0 > 1.6e9)
ns = time.time_ns()
print(type(ns).__name__, ns > 1.6e18)
a = time.perf_counter(); time.sleep(0.01); b = time.perf_counter()
print(b - a >= 0.009)
m1 = time.monotonic(); m2 = time.monotonic()
print(m2 >= m1, type(time.monotonic_ns()).__name__, type(time.perf_counter_ns()).__name__)
print(time.process_time() >= 0)
g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_wday, g.tm_yday, g[0], len(g), tuple(g))
g2 = time.gmtime(1700000000.5)
print(g2, g2.tm_zone)
print(time.strftime("%Y-%m-%d %H:%M:%S", g2))
print(time.strftime("%a %b %d %j %%", g2))
print(time.asctime(g2))
print(time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 1, 0)))
lt = time.localtime(1700000000)
print(time.mktime(lt) == 1700000000.0, lt.tm_isdst in (0, 1))
print(time.gmtime(86400 * 365) == (1971, 1, 1, 0, 0, 0, 4, 1, 0))
print(isinstance(time.localtime(), time.struct_time), isinstance(time.timezone, int), len(time.tzname))
for bad in (lambda: time.sleep(-1), lambda: time.sleep("x"), lambda: time.gmtime("x"),
            lambda: time.strftime("%Y", (1, 2)), lambda: time.struct_time((1, 2))):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
