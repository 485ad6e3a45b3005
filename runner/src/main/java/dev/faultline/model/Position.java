package dev.faultline.model;

/** Where a step's node sits on the canvas, in canvas units (top-left of the node). */
public record Position(double x, double y) {}
