#include <zlib.h>

/* inflateInit2 is a macro Swift cannot import. */
static inline int gijiroku_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
