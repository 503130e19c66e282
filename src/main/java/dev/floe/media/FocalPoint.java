package dev.floe.media;

/**
 * The part of an image that crops keep in view, as Wagtail stores it: the centre ({@code x}, {@code y}) and the size
 * ({@code width}, {@code height}) of a rectangle, in pixels of the original.
 */
public record FocalPoint(int x, int y, int width, int height) {
}
