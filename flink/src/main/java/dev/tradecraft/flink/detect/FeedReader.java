package dev.tradecraft.flink.detect;

import java.io.Reader;

/**
 * A {@link Reader} that hands out the text fed to it and reports the end of input when it has
 * none, without ever closing: a streaming reader built on it reads a file one record at a time, as
 * the records arrive. Only for readers that read again after an end of input (the IIS reader does).
 */
final class FeedReader extends Reader
{
    private String text = "";
    private int position;

    /** Replaces what is left unread with {@code next}. */
    void feed(String next)
    {
        text = next;
        position = 0;
    }

    @Override
    public int read(char[] buffer, int offset, int length)
    {
        if (position >= text.length()) {
            return -1;
        }
        int count = Math.min(length, text.length() - position);
        text.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    public void close()
    {
        // Nothing is held; the reader on top closing it must not end the feed.
    }
}
