//! learnpath: walk a learning path in the terminal.
//!
//! The binary is a thin CLI over this library; tests drive the same code
//! through ratatui's `TestBackend`.

#![warn(missing_docs)]

pub mod app;
pub mod atomic_file;
pub mod children;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod curriculum;
pub mod events;
pub mod import;
pub mod notes;
pub mod open;
pub mod plain;
pub mod progress;
pub mod regular;
pub mod resume;
pub mod review;
pub mod search;
pub mod shared;
pub mod signals;
pub mod stats;
pub mod sync;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod today;
pub mod tui;
pub mod ui;
pub mod watch;
