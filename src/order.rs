//! One sort for the whole crate. Every `sort_by` on a new element type or with a
//! new comparison compiles its own copy of the standard library's sort, a few
//! kilobytes each in the wasm; these helpers sort positions (`u32`) through one
//! comparison behind a `dyn`, so there is a single copy, then move the elements.
//!
//! Results are exactly those of the standard stable sort: ties keep their order
//! (the position is the last key).

use std::cmp::Ordering;

/// Sorts `ids` by `cmp`, ties by id: a total order, so the result is the one
/// order whatever the algorithm. A plain bottom-up merge sort: a few hundred bytes
/// of wasm where the standard library's pattern-defeating quicksort is kilobytes,
/// and fast enough for the few thousand items the app sorts.
#[inline(never)]
pub fn sort_ids(ids: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    let n = ids.len();
    let mut src = ids.to_vec();
    let mut dst = vec![0u32; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut dst[lo..hi] {
                let take_left = i < mid
                    && (j >= hi
                        || cmp(src[i], src[j]).then(src[i].cmp(&src[j])) != Ordering::Greater);
                if take_left {
                    *slot = src[i];
                    i += 1;
                } else {
                    *slot = src[j];
                    j += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    ids.copy_from_slice(&src);
}

/// Sorts `v` by `cmp`, stably, like `<[T]>::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    sort_ids(&mut order, &mut |a, b| cmp(&v[a as usize], &v[b as usize]));
    permute(v, order);
}

/// Sorts `v` by a key, stably, like `<[T]>::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` ascending and removes repeats, like `sort` then `dedup`.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
    v.dedup();
}

/// Puts the element at `order[i]` at position `i`, following each cycle of the
/// permutation with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    for i in 0..order.len() {
        let mut j = i;
        loop {
            let k = order[j] as usize;
            order[j] = j as u32;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in [0usize, 1, 2, 3, 10, 33, 200] {
            let v: Vec<(u8, u32)> = (0..len as u32)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            let mut std = v.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, std);
            let mut ours = v.clone();
            let mut std = v;
            sort_by_key(&mut ours, |x| x.0);
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std);
        }
        let mut ids: Vec<u32> = (0..500).map(|i| (i * 7919) % 500).collect();
        let key = |i: u32| (i % 13, i / 2);
        let mut want = ids.clone();
        want.sort_by_key(|&i| key(i));
        sort_ids(&mut ids, &mut |a, b| key(a).0.cmp(&key(b).0));
        assert_eq!(ids, want);
        let mut words = vec!["b", "a", "c", "a", "b"];
        sort_dedup(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
    }
}
