//! Fuzzes parsing and compilation with properties, not just "no crash": any input
//! either fails with a located syntax error whose line exists in the source, or
//! compiles to code objects that pass `pyc_bytecode::validate`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    match pyc_compiler::compile(source, "<fuzz>") {
        Ok(code) => {
            if let Err(problem) = pyc_bytecode::validate::validate(&code) {
                panic!("invalid code for {source:?}: {problem}");
            }
        }
        Err(e) => assert!(e.line as usize <= source.lines().count().max(1) + 1),
    }
});
