#ifndef SOLEX_ICU_WORDS_H
#define SOLEX_ICU_WORDS_H

#include <stdint.h>

/// Finds the word-like segments of UTF-8 text with ICU's word break rules (dictionary-based for Thai, Lao, Khmer,
/// Myanmar and CJK). Writes the byte offsets of each segment as a pair (start, end) into `spans`, for at most
/// `capacity` segments, and returns how many segments the text has: call again with a larger buffer when the result
/// exceeds `capacity`. Spaces and punctuation are not segments. Returns -1 if ICU fails.
///
/// This header exposes no ICU type so that Swift modules importing it can also import Foundation.
int32_t solex_word_spans(const char *utf8, int32_t length, int32_t *spans, int32_t capacity);

#endif
