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
    link_order();
}

/// The functions a start runs before its first frame, as `cargo bench
/// --bench startup -- order` recorded them, are laid out together at the
/// head of the code: the kernel maps code in large pieces around each
/// page a start touches, so start-up code spread over the binary made
/// nearly all of it resident. The order needs rust-lld, which rustup's
/// toolchains ship in the sysroot (and use by default for this target from
/// Rust 1.90): it is asked for by name, as rustc itself does, only when it
/// is there and no other linker is set. Names the build no longer has are
/// skipped, so a stale list costs memory, never a failed build.
fn link_order() {
    const ORDER: &str = "link/startup.order";
    println!("cargo::rerun-if-changed={ORDER}");
    println!("cargo::rerun-if-env-changed=LEARNPATH_NO_LINK_ORDER");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let flags = var("CARGO_ENCODED_RUSTFLAGS");
    let own_linker =
        std::env::var_os("RUSTC_LINKER").is_some() || flags.contains("fuse-ld") || flags.contains("linker");
    if var("TARGET") != "x86_64-unknown-linux-gnu"
        || var("PROFILE") != "release"
        || own_linker
        || std::env::var_os("LEARNPATH_NO_LINK_ORDER").is_some()
        || !Path::new(ORDER).is_file()
    {
        return;
    }
    let Some(lld_dir) = self_contained_lld() else { return };
    let file = Path::new(&var("CARGO_MANIFEST_DIR")).join(ORDER);
    for arg in [
        "-fuse-ld=lld".to_string(),
        format!("-B{}", lld_dir.display()),
        format!("-Wl,--symbol-ordering-file={}", file.display()),
        "-Wl,--no-warn-symbol-ordering".to_string(),
    ] {
        println!("cargo::rustc-link-arg-bin=learnpath={arg}");
    }
}

/// The folder of the sysroot's `ld.lld` (rust-lld behind the name the C
/// compiler looks for), if this toolchain has one.
fn self_contained_lld() -> Option<std::path::PathBuf> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = std::process::Command::new(rustc).args(["--print", "sysroot"]).output().ok()?;
    let sysroot = String::from_utf8(out.stdout).ok()?;
    let dir = Path::new(sysroot.trim()).join("lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld");
    dir.join("ld.lld").is_file().then_some(dir)
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
