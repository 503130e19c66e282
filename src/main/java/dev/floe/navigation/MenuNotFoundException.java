package dev.floe.navigation;

/** No menu has that name. */
public class MenuNotFoundException extends RuntimeException {
    public MenuNotFoundException(String name) {
        super("There is no menu named '" + name + "'.");
    }
}
