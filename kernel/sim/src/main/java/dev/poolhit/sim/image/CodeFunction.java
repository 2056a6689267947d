package dev.poolhit.sim.image;

/** A function (or chained fragment) of a mapped image: its unwind data and the name it symbolizes to. */
public record CodeFunction(LoadedImage image, UnwindInfo unwind, String name) {
    public long begin() {
        return image.base() + unwind.beginRva();
    }
}
