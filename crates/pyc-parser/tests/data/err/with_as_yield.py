with a as yield: pass
