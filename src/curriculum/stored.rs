//! A curriculum as it is stored in binary form: the same fields, in the
//! same order, as the model in `mod.rs`, `step.rs` and `resource.rs`, but
//! without the file positions the model keeps for error messages. Those
//! (`toml::Spanned`) only deserialize from TOML, so a binary form needs
//! this span-free twin. The model serializes straight into it (a
//! `Spanned` writes just its value), and [`super::frozen`] turns it back
//! into the model.
//!
//! The build script compiles this file too, to turn `content/backend.toml`
//! into the bytes built into the binary, so it uses nothing but serde and
//! `kind.rs`. Field documentation lives on the model; the order here is
//! what matters (postcard writes fields by position, not by name), and a
//! test checks it against the model's.

use serde::{Deserialize, Serialize};

use super::kind::{Cost, Kind};

/// The twin of `Curriculum`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curriculum {
    pub format: i64,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub weekly_hours: Option<f64>,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub faq: Vec<Faq>,
}

/// The twin of `Faq`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

/// The twin of `Step`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub goal: Option<String>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub topics: Vec<Topic>,
    #[serde(default)]
    pub resources: Vec<Resource>,
}

/// The twin of `Topic`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub hours: Option<f64>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub check: Vec<String>,
    #[serde(default)]
    pub requires: Vec<String>,
    #[serde(default)]
    pub resources: Vec<Resource>,
}

/// The twin of `Resource`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub title: String,
    pub url: String,
    #[serde(default)]
    pub provider: Option<String>,
    #[serde(default)]
    pub cost: Option<Cost>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub kind: Option<Kind>,
}
