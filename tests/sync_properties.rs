//! The merge as sync sees it: three devices change their own copies while
//! apart and take in each other's at random moments. Whatever the order
//! and grouping of the final merges, every device ends with the same file,
//! and no device's latest change to any entry is lost.

use jiff::Timestamp;
use learnpath::progress::{ProgressFile, ReviewEntry, Status, TopicEntry, merged};
use proptest::prelude::*;

/// What happens on one device, in the order of the history.
#[derive(Debug, Clone)]
enum Step {
    /// Device `0` sets entry `1` (a topic, a resource or a review) to a
    /// status; the change is stamped with half its place in the history,
    /// so two changes often share an instant, and with the device's id.
    Change(usize, usize, Status),
    /// Device `0` takes in device `1`'s file (a sync, a conflict copy).
    Receive(usize, usize),
}

const KEYS: [&str; 4] = ["s/a", "s/b", "s/c", "t/a"];

fn step() -> impl Strategy<Value = Step> {
    let status =
        prop_oneof![Just(Status::Todo), Just(Status::InProgress), Just(Status::Done), Just(Status::Skipped)];
    prop_oneof![
        3 => (0usize..3, 0usize..KEYS.len() * 3, status).prop_map(|(d, k, s)| Step::Change(d, k, s)),
        1 => (0usize..3, 0usize..3).prop_map(|(d, e)| Step::Receive(d, e)),
    ]
}

fn at(second: usize) -> Timestamp {
    Timestamp::from_second(1_760_000_000 + second as i64).unwrap()
}

/// Applies change `k` (topic, resource or review of `KEYS[k % 4]`).
fn change(file: &mut ProgressFile, k: usize, status: Status, when: Timestamp, device: &str) {
    let c = file.curricula.entry("backend".into()).or_default();
    let key = KEYS[k % KEYS.len()].to_string();
    let by = Some(device.to_string());
    let entry = TopicEntry { by: by.clone(), ..TopicEntry::new(status, when) };
    match k / KEYS.len() {
        0 => {
            c.topics.insert(key, entry);
        }
        1 => {
            c.resources.insert(key, entry);
        }
        _ => {
            c.reviews.insert(key, ReviewEntry { by, ..ReviewEntry::staged(status as u8, when) });
        }
    }
}

/// When and by which device entry `k` in `file` was last changed.
fn stamp_of(file: &ProgressFile, k: usize) -> Option<(Timestamp, Option<String>)> {
    let c = file.curricula.get("backend")?;
    let key = KEYS[k % KEYS.len()];
    match k / KEYS.len() {
        0 => c.topics.get(key).map(|e| (e.at, e.by.clone())),
        1 => c.resources.get(key).map(|e| (e.at, e.by.clone())),
        _ => c.reviews.get(key).map(|e| (e.at, e.by.clone())),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn three_devices_converge_whatever_the_order_and_lose_no_latest_change(
        history in prop::collection::vec(step(), 1..40),
        order in Just([0usize, 1, 2]).prop_shuffle(),
    ) {
        let mut devices = vec![ProgressFile::default(); 3];
        // Per device and entry, the stamp of the latest change it made.
        let mut latest = std::collections::BTreeMap::new();
        for (i, step) in history.iter().enumerate() {
            match *step {
                Step::Change(d, k, status) => {
                    let device = format!("device-{d}");
                    // A device's own clock never goes back.
                    let when = at(i / 2).max(stamp_of(&devices[d], k).map_or(at(0), |s| s.0));
                    change(&mut devices[d], k, status, when, &device);
                    latest.insert((d, k), (when, Some(device)));
                }
                Step::Receive(d, e) => {
                    devices[d] = merged(&devices[d], &devices[e]);
                }
            }
        }
        let [a, b, c] = [&devices[0], &devices[1], &devices[2]];
        let all = merged(&merged(a, b), c);
        // Every order and grouping gives the same file.
        prop_assert_eq!(&merged(a, &merged(b, c)), &all);
        prop_assert_eq!(&merged(&merged(c, a), b), &all);
        prop_assert_eq!(&merged(&merged(b, c), a), &all);
        prop_assert_eq!(&merged(c, &merged(b, a)), &all);
        prop_assert_eq!(&merged(&all, &all), &all, "merging again changes nothing");
        prop_assert_eq!(&merged(&all, a), &all);
        // Syncing until quiet, in a random order: two rounds reach every
        // device, and all three end with the same file.
        let mut synced = devices.clone();
        for _ in 0..2 {
            for &d in &order {
                for e in 0..3 {
                    synced[d] = merged(&synced[d], &synced[e]);
                }
            }
        }
        for device in &synced {
            prop_assert_eq!(device, &all);
        }
        // No device's latest change is lost: each entry is at least as new
        // as every device's last change to it, and the change kept is the
        // newest made anywhere, by (time, device id).
        for ((d, k), stamp) in &latest {
            let kept = stamp_of(&all, *k);
            prop_assert!(kept.as_ref() >= Some(stamp), "device {d}'s change to entry {k} was lost");
        }
        for k in 0..KEYS.len() * 3 {
            let newest = latest.iter().filter(|((_, key), _)| *key == k).map(|(_, s)| s.clone()).max();
            prop_assert_eq!(stamp_of(&all, k), newest, "entry {} is the newest change made to it", k);
        }
    }
}
