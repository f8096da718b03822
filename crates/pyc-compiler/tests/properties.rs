//! Property tests: programs assembled at random from closure-heavy fragments, and
//! arbitrary text, either compile to code objects that pass `validate` (every argument
//! in range, jumps and exception-table rows inside the code) or fail with a syntax error
//! located on a line of the input. The compiler must never panic.

use proptest::prelude::*;

/// One statement of a function body, using the enclosing names `x`, `y` and `acc`.
fn statement() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("x = x + 1".to_string()),
        Just("nonlocal acc\nacc += x".to_string()),
        Just("y = lambda z=x: z + acc".to_string()),
        Just("for i in range(3):\n    x += i\nelse:\n    x -= 1".to_string()),
        Just("while x < 3:\n    x += 1\n    if x == 2:\n        break".to_string()),
        Just(
            "try:\n    x = 1 // 0\nexcept ZeroDivisionError as e:\n    x = 0\nfinally:\n    y = x"
                .to_string()
        ),
        Just("del y".to_string()),
        Just("global g\ng = [i * x for i in range(x)]".to_string()),
        Just("return x".to_string()),
        Just("def inner(a, *b, c=1, **d):\n    return a + acc + x".to_string()),
        Just("x, *rest = [x, 1, 2]".to_string()),
        Just("class K:\n    v = x\n    def m(self):\n        return acc".to_string()),
        Just("yield x".to_string()),
        Just("continue".to_string()),
        Just("nonlocal missing".to_string()),
    ]
}

/// A function nesting a random body inside an outer function that binds `acc`.
fn program() -> impl Strategy<Value = String> {
    (prop::collection::vec(statement(), 0..8), 0usize..3).prop_map(|(body, depth)| {
        let mut text = String::from("def outer(x=0):\n    acc = 0\n    y = 1\n");
        let mut indent = 4;
        for level in 0..depth {
            text.push_str(&format!(
                "{}def level{level}(x):\n{}y = x\n",
                " ".repeat(indent),
                " ".repeat(indent + 4)
            ));
            indent += 4;
        }
        for stmt in body {
            for line in stmt.lines() {
                text.push_str(&format!("{}{line}\n", " ".repeat(indent)));
            }
        }
        text.push_str(&format!("{}return x\n", " ".repeat(indent)));
        text
    })
}

fn check(source: &str) -> Result<(), TestCaseError> {
    match pyc_compiler::compile(source, "prop.py") {
        Ok(code) => {
            if let Err(problem) = pyc_bytecode::validate::validate(&code) {
                return Err(TestCaseError::fail(format!("{problem}\n{source}")));
            }
        }
        Err(e) => prop_assert!(
            e.line >= 1 && e.line as usize <= source.lines().count().max(1) + 1,
            "error line {} outside the source:\n{source}",
            e.line
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_closure_programs_compile_to_valid_code(source in program()) {
        check(&source)?;
    }

    #[test]
    fn arbitrary_text_never_panics(source in "[a-z()\\[\\]:=+*, \\n\\t'\"0-9#.\\\\]{0,80}") {
        check(&source)?;
    }
}
