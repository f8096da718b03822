# String constants are shown with repr(): characters that are not printable (Unicode
# categories C* and Z*) are escaped as \xhh, \uhhhh or \Uhhhhhhhh.
a = "tab\there", "nbsp\xa0", "soft\xadhyphen", "zwsp\u200b", "\ufffe", "\U000e0001"
b = "café", "日本", "😀", "quote's", 'both \'"', "back\\slash", "\x7f\x80\x9f"
