//! Unique element ids within a page, in O(1) each.
//!
//! A repeated heading gets `-1`, `-2`, … after its slug. Trying `x-1`, `x-2`,
//! … from 1 every time is quadratic in the number of repeats, so each base
//! remembers the next number to try. Each id string has one base (what comes
//! before its last `-digits`), so a taken id is stepped over at most once:
//! the work is linear in the number of ids however they collide.

use rustc_hash::{FxHashMap, FxHashSet};

/// The ids given out so far in one page.
#[derive(Debug, Default)]
pub(super) struct Ids {
    taken: FxHashSet<String>,
    next: FxHashMap<String, usize>,
}

impl Ids {
    /// `base` if it is free, else the first free `base-N`; marks it taken.
    pub(super) fn claim(&mut self, base: String) -> String {
        if !self.taken.contains(&base) {
            self.taken.insert(base.clone());
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(1);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if !self.taken.contains(&id) {
                self.taken.insert(id.clone());
                return id;
            }
        }
    }

    /// Every id given out.
    pub(super) fn into_set(self) -> FxHashSet<String> {
        self.taken
    }
}

#[cfg(test)]
mod tests {
    use super::Ids;

    #[test]
    fn repeats_are_numbered_around_taken_ids() {
        let mut ids = Ids::default();
        let got: Vec<String> =
            ["a", "a-2", "a", "a", "a", "a-1"].iter().map(|b| ids.claim((*b).to_owned())).collect();
        assert_eq!(got, ["a", "a-2", "a-1", "a-3", "a-4", "a-1-1"]);
    }
}
