//! Sets of bytes as tables, for the scans that read every byte of a site's
//! prose and stop only at a few: one load per byte instead of a chain of
//! comparisons.

/// A table with `true` at each of `members`.
pub(crate) const fn byte_set(members: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < members.len() {
        table[members[i] as usize] = true;
        i += 1;
    }
    table
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_set_holds_its_members_and_nothing_else() {
        let set = super::byte_set(b"-\t\xC2");
        let members: Vec<u8> = (0..=255u8).filter(|&b| set[usize::from(b)]).collect();
        assert_eq!(members, [b'\t', b'-', 0xC2]);
    }
}
