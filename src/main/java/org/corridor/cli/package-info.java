/**
 * The command-line edge: one picocli class per command. Commands parse options, call the features
 * through {@link org.corridor.app.Corridor}, and turn failures into a one-line reason with exit code
 * 1 (usage errors exit 2).
 */
package org.corridor.cli;
