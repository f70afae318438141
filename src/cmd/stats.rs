//! `learnpath stats`: the stats view's figures.

use serde::Serialize;

/// Topics per week, streaks, and the pace projections.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct StatsReport(pub crate::stats::Stats);

impl std::fmt::Display for StatsReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "Topics done per week, oldest first (the last is this week):")?;
        writeln!(f, "  {}", self.0.per_week.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "))?;
        let theme = crate::ui::Theme::plain();
        for line in crate::ui::stats::lines(&self.0, &theme, 100) {
            writeln!(f, "{}", line.spans.iter().map(|s| s.content.as_ref()).collect::<String>().trim_end())?;
        }
        Ok(())
    }
}
