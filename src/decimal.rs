//! Numbers written in decimal without the formatting machinery, for the
//! places that write one per word or per line: the search index's postings
//! and every quarter a page shows. `format!` costs ten times as much.

/// The decimal digits of `n`, as `format!("{n}")` writes them, in `buf`.
pub(crate) fn digits(mut n: u32, buf: &mut [u8; 10]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[at..]
}

#[cfg(test)]
mod tests {
    #[test]
    fn digits_are_what_format_writes() {
        for n in [0, 7, 10, 999, 2027, 65_535, u32::MAX] {
            assert_eq!(super::digits(n, &mut [0; 10]), n.to_string().as_bytes());
        }
    }
}
