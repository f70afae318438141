//! `learnpath schema`: a JSON Schema (draft 2020-12) that editors use to
//! complete and check curricula. The shipped path and the `new` starter
//! validate against it; a wrong type does not.

use learnpath::curriculum::SCHEMA;

/// A TOML curriculum as the JSON value editors check against the schema.
fn as_json(toml_text: &str) -> serde_json::Value {
    serde_json::to_value(toml::from_str::<toml::Value>(toml_text).unwrap()).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    jsonschema::draft202012::meta::validate(&schema).expect("a valid draft 2020-12 schema");
    jsonschema::draft202012::new(&schema).unwrap()
}

#[test]
fn the_shipped_path_and_the_starter_validate_against_the_schema() {
    let v = validator();
    for (name, text) in
        [("shipped", learnpath::curriculum::SHIPPED), ("starter", learnpath::cmd::new::STARTER)]
    {
        let errors: Vec<String> =
            v.iter_errors(&as_json(text)).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn a_wrong_type_or_an_unknown_key_does_not() {
    let v = validator();
    for (from, to) in [
        ("hours = 4", "hours = \"four\""),
        ("kind = \"docs\"", "kind = \"webinar\""),
        ("summary = \"What you can do", "sumary = \"What you can do"),
        ("format = 1", "format = 2"),
        ("check = [", "check = 3\nx = ["),
    ] {
        let text = learnpath::cmd::new::STARTER.replacen(from, to, 1);
        assert_ne!(text, learnpath::cmd::new::STARTER, "{from}");
        assert!(!v.is_valid(&as_json(&text)), "{to} passed");
    }
}

#[test]
fn the_command_prints_the_schema() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_learnpath"))
        .arg("schema")
        .env("LEARNPATH_DATA_DIR", home.path().join("data"))
        .env("LEARNPATH_CONFIG_DIR", home.path().join("config"))
        .env("LEARNPATH_CACHE_DIR", home.path().join("cache"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), SCHEMA);
    assert!(!home.path().join("data").exists(), "nothing is written");
}
