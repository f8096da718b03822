//! The translation from Python's pattern syntax to fancy-regex's, and its errors.

use super::ast::flag;
use super::compiled::{compiled, Mode, Text};
use super::emit::emit;
use super::parse::{parse, PatternError};
use super::template::{parse_template, Piece, TemplateError};

fn translate(pattern: &str, flags: u32) -> String {
    emit(&parse(pattern, flags).expect("pattern parses").node)
}

fn error(pattern: &str) -> (String, Option<usize>) {
    match parse(pattern, 0) {
        Err(PatternError::Syntax(msg, pos)) => (msg, pos),
        other => panic!("{pattern:?} gave {other:?}"),
    }
}

/// The first match of `pattern` in `text` as char offsets.
fn find(pattern: &str, text: &str) -> Option<(i64, i64)> {
    let c = compiled(pattern, 0).expect("compiles");
    let t = Text::new(text);
    let spans = c
        .search(&t, 0, t.len(), Mode::Search, false)
        .expect("runs")?;
    Some((spans[0], spans[1]))
}

#[test]
fn anchors_follow_python() {
    assert_eq!(translate("^a$", 0), r"\Aa(?=\n?\z)");
    assert_eq!(translate("^a$", flag::MULTILINE), "(?m:^)a(?m:$)");
    assert_eq!(translate(r"\Aa\Z", 0), r"\Aa\z");
    assert_eq!(find("a$", "a\n"), Some((0, 1)));
    assert_eq!(find("a$", "a\n\n"), None);
    assert_eq!(find(r"a\Z", "a\n"), None);
}

#[test]
fn dot_and_flags() {
    assert_eq!(translate(".", 0), ".");
    assert_eq!(translate(".", flag::DOTALL), "(?s:.)");
    assert_eq!(translate("(?s).", 0), "(?s:.)");
    assert_eq!(translate("a(?i:b)c", 0), "a(?:(?i:b))c");
    assert_eq!(translate("(?i)1", 0), "1");
    assert_eq!(translate("k", flag::IGNORECASE | flag::ASCII), "[kK]");
    assert_eq!(
        translate("[a-c]", flag::IGNORECASE | flag::ASCII),
        "[a-cA-C]"
    );
}

#[test]
fn literals_are_escaped() {
    assert_eq!(translate(r"a\.b\-", 0), r"a\x{2e}b\x{2d}");
    assert_eq!(translate(r"\x41\u00e9\101", 0), "AéA");
    assert_eq!(translate("[]-]", 0), r"[\x{5d}\x{2d}]");
    assert_eq!(translate("a{,2}b{3}c{1,}", 0), "(?:a){0,2}(?:b){3}(?:c)+");
    assert_eq!(translate("x{a}", 0), r"x\x{7b}a\x{7d}");
}

#[test]
fn zero_width_items_repeat() {
    assert_eq!(translate("(?=a)*b", 0), "(?:(?=a)|)b");
    assert_eq!(translate("(?:)+?", 0), "(?:(?:))");
    assert_eq!(find("(?=a)*b", "ab"), Some((1, 2)));
}

#[test]
fn categories_follow_python() {
    assert_eq!(translate(r"\d", flag::ASCII), "[0-9]");
    assert_eq!(translate(r"\W", flag::ASCII), "[[^0-9A-Za-z_]]");
    assert_eq!(find(r"\w+", "x²y"), Some((0, 3)));
    assert_eq!(find(r"\s", "a\x1cb"), Some((1, 2)));
}

#[test]
fn verbose_mode_skips_blanks_and_comments() {
    assert_eq!(translate("a b # c\n d", flag::VERBOSE), "abd");
    assert_eq!(translate("(?x) a [ ] ", 0), r"a[\x{20}]");
}

#[test]
fn groups_names_and_backrefs() {
    let p = parse("(?P<a>x)(y)(?P=a)\\2", 0).expect("parses");
    assert_eq!(p.groups, 2);
    assert_eq!(p.names, vec![("a".to_string(), 1)]);
    assert_eq!(emit(&p.node), r"(x)(y)(?:\1)(?:\2)");
    assert_eq!(find(r"(a)(?i:\1)", "aA"), Some((0, 2)));
}

#[test]
fn errors_match_cpython() {
    let cases: &[(&str, &str, Option<usize>)] = &[
        ("(a", "missing ), unterminated subpattern", Some(0)),
        ("a)", "unbalanced parenthesis", Some(1)),
        ("[a", "unterminated character set", Some(0)),
        ("[z-a]", "bad character range z-a", Some(1)),
        ("*a", "nothing to repeat", Some(0)),
        ("a**", "multiple repeat", Some(2)),
        ("a{3,1}", "min repeat greater than max repeat", Some(2)),
        (r"a\q", r"bad escape \q", Some(1)),
        ("a\\", "bad escape (end of pattern)", Some(1)),
        (r"\x1", r"incomplete escape \x1", Some(0)),
        (r"(a)\2", "invalid group reference 2", Some(4)),
        (r"(a\1)", "cannot refer to an open group", Some(2)),
        (
            "(?P<a>a)(?P<a>b)",
            "redefinition of group name 'a' as group 2; was group 1",
            Some(12),
        ),
        ("(?P=x)", "unknown group name 'x'", Some(4)),
        ("(?z)", "unknown extension ?z", Some(1)),
        ("(?i", "missing -, : or )", Some(3)),
        (
            "a(?i)b",
            "global flags not at the start of the expression",
            Some(1),
        ),
        ("(?<=a+)b", "look-behind requires fixed-width pattern", None),
        (
            "(?(1)a|b|c)",
            "conditional backref with more than two branches",
            Some(8),
        ),
    ];
    for &(pattern, msg, pos) in cases {
        assert_eq!(error(pattern), (msg.to_string(), pos), "{pattern}");
    }
}

#[test]
fn flag_errors() {
    assert!(matches!(
        parse("a", flag::LOCALE),
        Err(PatternError::Value(_))
    ));
    assert!(matches!(
        parse("a{99999999999}", 0),
        Err(PatternError::Overflow(_))
    ));
    assert_eq!(parse("(?a)a", 0).expect("parses").flags, flag::ASCII);
    assert_eq!(parse("a", flag::IGNORECASE).expect("parses").flags, 34);
}

#[test]
fn templates() {
    let names = vec![("n".to_string(), 1)];
    assert_eq!(
        parse_template(r"<\1\g<n>\g<0>\n\->", 1, &names),
        Ok(vec![
            Piece::Literal("<".into()),
            Piece::Group(1),
            Piece::Group(1),
            Piece::Group(0),
            Piece::Literal("\n\\->".into()),
        ])
    );
    assert_eq!(
        parse_template(r"\2", 1, &names),
        Err(TemplateError::Syntax("invalid group reference 2".into(), 1))
    );
    assert_eq!(
        parse_template(r"\g<x>", 1, &names),
        Err(TemplateError::Index("unknown group name 'x'".into()))
    );
}

#[test]
fn empty_matches_iterate_as_in_python() {
    let c = compiled("x*", 0).expect("compiles");
    let t = Text::new("abxd");
    let spans: Vec<(i64, i64)> = c
        .scan(&t, 0, 4, 0)
        .expect("runs")
        .iter()
        .map(|s| (s[0], s[1]))
        .collect();
    assert_eq!(spans, vec![(0, 0), (1, 1), (2, 3), (3, 3), (4, 4)]);
}

#[test]
fn positions_are_characters() {
    assert_eq!(find("b", "ééb"), Some((2, 3)));
}
