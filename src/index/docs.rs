//! What the index knows of each page.
