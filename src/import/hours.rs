//! Hours from a table's Duration and Effort columns, as university-style
//! curricula write them: "10 weeks" and "8-10 hours/week" make 90.

/// An amount read from a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// A number of hours in all.
    Hours(f64),
    /// A number of weeks.
    Weeks(f64),
    /// Hours each week.
    PerWeek(f64),
}

/// What a cell says, if it says an amount: a number or a range (whose
/// mean is taken), then a unit. A bare number is hours.
pub fn amount(cell: &str) -> Option<Amount> {
    let cell = cell.trim().to_lowercase().replace(['–', '—'], "-");
    let split =
        cell.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == ' ')).unwrap_or(cell.len());
    let (number, unit) = cell.split_at(split);
    let numbers: Vec<f64> =
        number.split('-').map(|n| n.trim().parse::<f64>()).collect::<Result<_, _>>().ok()?;
    if numbers.is_empty() || numbers.len() > 2 || numbers.iter().any(|n| !n.is_finite() || *n < 0.0) {
        return None;
    }
    let n = numbers.iter().sum::<f64>() / numbers.len() as f64;
    let unit = unit.trim().trim_end_matches('.');
    let per_week = ["/week", "/wk", "per week", "a week", "/ week", "/w"];
    let hours = ["hour", "hours", "hr", "hrs", "h"];
    if let Some(u) = per_week.iter().find_map(|p| unit.strip_suffix(p)) {
        return hours.contains(&u.trim()).then_some(Amount::PerWeek(n));
    }
    match unit {
        "" => Some(Amount::Hours(n)),
        u if hours.contains(&u) => Some(Amount::Hours(n)),
        "week" | "weeks" | "wk" | "wks" | "w" => Some(Amount::Weeks(n)),
        "day" | "days" | "d" => Some(Amount::Hours(n * 8.0)),
        _ => None,
    }
}

/// Hours from the amounts of one row's time columns: hours given as such,
/// else weeks × hours a week. `None` when they do not make a total.
pub fn total(amounts: &[Amount]) -> Option<f64> {
    let mut weeks = None;
    let mut rate = None;
    for a in amounts {
        match *a {
            Amount::Hours(h) => return Some(h),
            Amount::Weeks(w) => weeks = Some(w),
            Amount::PerWeek(r) => rate = Some(r),
        }
    }
    Some(weeks? * rate?)
}

/// Whether a column header names a time column.
pub fn is_time_column(header: &str) -> bool {
    let h = header.to_lowercase();
    ["duration", "effort", "hours", "time", "workload", "length"].iter().any(|w| h.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_times_hours_a_week() {
        let a = [amount("10 weeks").unwrap(), amount("10 hours/week").unwrap()];
        assert_eq!(total(&a), Some(100.0));
        let b = [amount("6 weeks").unwrap(), amount("8-10 hours/week").unwrap()];
        assert_eq!(total(&b), Some(54.0));
        assert_eq!(total(&[amount("12 weeks").unwrap(), amount("3–5 hrs/wk").unwrap()]), Some(48.0));
    }

    #[test]
    fn hours_alone() {
        assert_eq!(amount("40 hours"), Some(Amount::Hours(40.0)));
        assert_eq!(amount("12"), Some(Amount::Hours(12.0)));
        assert_eq!(amount("2 days"), Some(Amount::Hours(16.0)));
    }

    #[test]
    fn what_is_not_an_amount_is_none() {
        for cell in ["", "-", "self-paced", "chapters 1-5", "10 lessons", "1-2-3 weeks", "ten weeks"] {
            assert_eq!(amount(cell), None, "{cell}");
        }
        assert_eq!(total(&[amount("10 weeks").unwrap()]), None);
    }
}
