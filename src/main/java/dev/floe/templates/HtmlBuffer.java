package dev.floe.templates;

import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;

/**
 * Where a page is rendered: a {@link StringBuilder} behind the {@link Writer} that Pebble writes to.
 *
 * <p>{@link java.io.StringWriter} appends to a synchronized {@code StringBuffer}, which costs an atomic operation on
 * every one of the thousands of small writes a page makes; a render belongs to one thread, so it needs no lock.
 */
public final class HtmlBuffer extends Writer implements SpecializedWriter {

    private final StringBuilder text;

    public HtmlBuffer(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string) {
        text.append(string);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public Writer append(CharSequence chars) {
        text.append(chars);
        return this;
    }

    @Override
    public void writeSpecialized(int i) {
        text.append(i);
    }

    @Override
    public void writeSpecialized(long l) {
        text.append(l);
    }

    @Override
    public void writeSpecialized(double d) {
        text.append(d);
    }

    @Override
    public void writeSpecialized(float f) {
        text.append(f);
    }

    @Override
    public void writeSpecialized(short s) {
        text.append(s);
    }

    @Override
    public void writeSpecialized(byte b) {
        text.append(b);
    }

    @Override
    public void writeSpecialized(char c) {
        text.append(c);
    }

    @Override
    public void writeSpecialized(String s) {
        text.append(s);
    }

    public byte[] utf8() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
