//! Every colour and text style the UI uses, in one place. It sits below the
//! app (which holds the chosen theme) and the UI (which draws with it).

use ratatui::style::{Color, Modifier, Style};

/// The styles the panes draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Plain text.
    pub text: Style,
    /// Secondary text: URLs, providers, hints' descriptions.
    pub dim: Style,
    /// Titles and emphasised text.
    pub title: Style,
    /// A step's goal.
    pub goal: Style,
    /// Keys in hints and help.
    pub key: Style,
    /// Border of the focused pane.
    pub focused: Style,
    /// Border of other panes.
    pub unfocused: Style,
    /// The selected row in the focused pane.
    pub selected: Style,
    /// The selected row in a pane without focus.
    pub selected_idle: Style,
    /// Done marks and complete counts.
    pub done: Style,
    /// In-progress marks.
    pub progress: Style,
    /// Skipped marks and titles.
    pub skipped: Style,
    /// Matched characters in search results.
    pub matched: Style,
    /// Paid resources.
    pub paid: Style,
    /// Free resources.
    pub free: Style,
    /// Error messages.
    pub error: Style,
    /// Informational messages.
    pub info: Style,
    /// The filled part of the progress gauge.
    pub gauge: Style,
}

/// Secondary text on a dark background: a grey of the 256-colour cube,
/// which is the same in every theme. Palette colour 8 ("bright black") is
/// set by the terminal's theme, and on some dark themes it is all but the
/// background colour.
const GREY: Color = Color::Indexed(245);

/// A dark grey for backgrounds: the idle selection, the gauge's track.
const DARK_GREY: Color = Color::Indexed(238);

impl Theme {
    /// Colours for a dark terminal background.
    pub fn dark() -> Self {
        let fg = Style::new().fg(Color::Reset);
        Theme {
            text: fg,
            dim: Style::new().fg(GREY),
            title: Style::new().add_modifier(Modifier::BOLD),
            goal: Style::new().fg(Color::Cyan).add_modifier(Modifier::ITALIC),
            key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            unfocused: Style::new().fg(GREY),
            selected: Style::new().bg(Color::Blue).fg(Color::White).add_modifier(Modifier::BOLD),
            selected_idle: Style::new().bg(DARK_GREY).fg(Color::White),
            done: Style::new().fg(Color::Green),
            progress: Style::new().fg(Color::Yellow),
            skipped: Style::new().fg(GREY).add_modifier(Modifier::CROSSED_OUT),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            paid: Style::new().fg(Color::Yellow),
            free: Style::new().fg(Color::Green),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            info: Style::new().fg(Color::Green),
            gauge: Style::new().fg(Color::Green).bg(DARK_GREY),
        }
    }

    /// No colours at all (for `NO_COLOR`): focus and selection are still
    /// visible through bold, reverse and underline.
    pub fn plain() -> Self {
        let none = Style::new();
        Theme {
            text: none,
            dim: none,
            title: none.add_modifier(Modifier::BOLD),
            goal: none.add_modifier(Modifier::ITALIC),
            key: none.add_modifier(Modifier::BOLD),
            focused: none.add_modifier(Modifier::BOLD),
            unfocused: none,
            selected: none.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_idle: none.add_modifier(Modifier::UNDERLINED),
            done: none.add_modifier(Modifier::BOLD),
            progress: none.add_modifier(Modifier::ITALIC),
            skipped: none.add_modifier(Modifier::CROSSED_OUT),
            matched: none.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            paid: none,
            free: none,
            error: none.add_modifier(Modifier::BOLD),
            info: none,
            gauge: none.add_modifier(Modifier::REVERSED),
        }
    }

    /// The plain theme's shapes (bold, reverse, underline) on the
    /// terminal's own colours, with bright colours where they add meaning;
    /// nothing is dim.
    pub fn high_contrast() -> Self {
        let bright = |c: Color| Style::new().fg(c).add_modifier(Modifier::BOLD);
        Theme {
            dim: Style::new(),
            unfocused: Style::new(),
            focused: bright(Color::LightYellow),
            done: bright(Color::LightGreen),
            progress: bright(Color::LightYellow),
            error: bright(Color::LightRed).add_modifier(Modifier::UNDERLINED),
            info: bright(Color::LightGreen),
            ..Theme::plain()
        }
    }

    /// Colours for a light terminal background.
    pub fn light() -> Self {
        Theme {
            text: Style::new().fg(Color::Reset),
            dim: Style::new().fg(Color::DarkGray),
            title: Style::new().add_modifier(Modifier::BOLD),
            goal: Style::new().fg(Color::Blue).add_modifier(Modifier::ITALIC),
            key: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            focused: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            unfocused: Style::new().fg(Color::Gray),
            selected: Style::new().bg(Color::Blue).fg(Color::White).add_modifier(Modifier::BOLD),
            selected_idle: Style::new().bg(Color::Gray).fg(Color::Black),
            done: Style::new().fg(Color::Green),
            progress: Style::new().fg(Color::Magenta),
            skipped: Style::new().fg(Color::DarkGray).add_modifier(Modifier::CROSSED_OUT),
            matched: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            paid: Style::new().fg(Color::Red),
            free: Style::new().fg(Color::Green),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            info: Style::new().fg(Color::Blue),
            gauge: Style::new().fg(Color::Green).bg(Color::Gray),
        }
    }

    /// The theme called `name` (`dark`, `light` or `high-contrast`), plain
    /// when `no_color`.
    pub fn choose(name: ThemeName, no_color: bool) -> Self {
        match (no_color, name) {
            (true, _) => Theme::plain(),
            (false, ThemeName::Dark) => Theme::dark(),
            (false, ThemeName::Light) => Theme::light(),
            (false, ThemeName::HighContrast) => Theme::high_contrast(),
        }
    }
}

/// The themes a learner can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// For dark terminal backgrounds.
    #[default]
    Dark,
    /// For light terminal backgrounds.
    Light,
    /// The terminal's own foreground and background, with bold, reverse
    /// and underline for meaning, and bright colours only where they add
    /// to them: for low vision and for magnifiers.
    #[serde(rename = "high-contrast")]
    #[value(name = "high-contrast")]
    HighContrast,
}

/// Whether `NO_COLOR` asks for no colours (set and not empty; no-color.org).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_contrast_carries_meaning_in_shape_too() {
        let theme = Theme::choose(ThemeName::HighContrast, false);
        assert!(theme.focused.add_modifier.contains(Modifier::BOLD));
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(theme.error.add_modifier.contains(Modifier::UNDERLINED));
        assert_eq!(theme.dim, Style::new(), "nothing dim");
        #[derive(serde::Deserialize)]
        struct Config {
            theme: ThemeName,
        }
        let config: Config = toml::from_str("theme = \"high-contrast\"").unwrap();
        assert_eq!(config.theme, ThemeName::HighContrast);
    }
}
