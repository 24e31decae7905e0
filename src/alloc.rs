//! Allocator settings, applied at the start of `main`.
//!
//! mimalloc gives memory that has been free for a second back to the system, and a build
//! frees and takes again a great deal (every page's template values and text). Taken
//! again, the memory is faulted in and zeroed by the kernel: at 100,000 services that was
//! about 2 s of system time out of 9–12. Never giving it back costs nothing in peak
//! memory (the peak is reached anyway) and keeps it for `serve`'s next rebuild.

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (mimalloc.h); libmimalloc-sys
/// names the options of mimalloc 2 only. The test below checks it by its default.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep freed memory for reuse instead of returning it to the system.
pub fn tune() {
    // SAFETY: mi_option_set only stores an integer option; any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn purge_delay_is_the_option_it_is_taken_for() {
        // Its default in mimalloc 3's options.c is 1000 (ms); no other option's is.
        // SAFETY: reading an option.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) },
            1000
        );
    }
}
