#include "solex_icu_words.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

/// One break iterator per thread: ICU iterators are not thread-safe and are costly to open.
static _Thread_local UBreakIterator *thread_iterator = NULL;

int32_t solex_word_spans(const char *utf8, int32_t length, int32_t *spans, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    if (thread_iterator == NULL) {
        thread_iterator = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
        if (U_FAILURE(status)) {
            thread_iterator = NULL;
            return -1;
        }
    }
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, utf8, length, &status);
    if (U_FAILURE(status)) {
        return -1;
    }
    ubrk_setUText(thread_iterator, &text, &status);
    if (U_FAILURE(status)) {
        utext_close(&text);
        return -1;
    }
    int32_t count = 0;
    int32_t start = ubrk_first(thread_iterator);
    for (int32_t end = ubrk_next(thread_iterator); end != UBRK_DONE; start = end, end = ubrk_next(thread_iterator)) {
        if (ubrk_getRuleStatus(thread_iterator) < UBRK_WORD_NONE_LIMIT) {
            continue;
        }
        if (count < capacity) {
            spans[2 * count] = start;
            spans[2 * count + 1] = end;
        }
        count++;
    }
    utext_close(&text);
    return count;
}
