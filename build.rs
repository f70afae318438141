//! Turns the shipped path into bytes built into the binary, so a start
//! does not parse its TOML, and writes `LAYOUT`: a hash of the model's
//! source, which the parsed-path cache keys its entries by (the crate's
//! version stays the same across changes to the model; this does not).
//!
//! Only TOML syntax and the shape of the model are checked here, and a bad
//! edit stops the build with `FILE:LINE:COL`; the validator's own checks
//! (ids, links, requirements) run on the shipped path in the tests, which
//! also check these bytes against a full parse of the text.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

#[path = "src/curriculum/kind.rs"]
mod kind;
#[path = "src/curriculum/stored.rs"]
mod stored;

/// The files whose text decides the binary form's layout.
const MODEL: [&str; 5] = [
    "src/curriculum/mod.rs",
    "src/curriculum/step.rs",
    "src/curriculum/resource.rs",
    "src/curriculum/kind.rs",
    "src/curriculum/stored.rs",
];

const SHIPPED: &str = "content/backend.toml";

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let mut layout = DefaultHasher::new();
    for file in MODEL {
        println!("cargo::rerun-if-changed={file}");
        read(file).hash(&mut layout);
    }
    env!("CARGO_PKG_VERSION").hash(&mut layout);
    let layout = format!(
        "/// A hash of the model's source, made by build.rs.\npub const LAYOUT: u64 = {:#018x};\n",
        layout.finish()
    );
    write(&out.join("layout.rs"), layout.as_bytes());

    println!("cargo::rerun-if-changed={SHIPPED}");
    let text = read(SHIPPED);
    let shipped: stored::Curriculum = toml::from_str(&text).unwrap_or_else(|e| {
        let (line, col) = e.span().map_or((1, 1), |span| line_col(&text, span.start));
        eprintln!("{SHIPPED}:{line}:{col}: {}", e.message());
        std::process::exit(1);
    });
    write(&out.join("shipped.postcard"), &postcard::to_stdvec(&shipped).expect("a curriculum serializes"));
}

fn read(file: &str) -> String {
    std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The 1-based line and column (in characters) of byte `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}
