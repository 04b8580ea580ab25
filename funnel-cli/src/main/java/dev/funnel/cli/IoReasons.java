package dev.funnel.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Why a file could not be written, in words: the message of the JDK's {@link NoSuchFileException}
 * (and its kin) is only the path.
 */
final class IoReasons {
  private IoReasons() {}

  /** Why writing {@code target} failed with this exception. */
  static String whyNotWritten(IOException e, Path target) {
    if (e instanceof NoSuchFileException) {
      Path parent = target.toAbsolutePath().getParent();
      return parent == null || Files.isDirectory(parent)
          ? "no such file or directory"
          : "the directory " + displayed(target, parent) + " does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return ((NotDirectoryException) e).getFile() + " is not a directory";
    }
    if (e instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) e;
      if (f.getReason() != null) {
        return f.getReason().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The parent as the user would name it: relative when the target was given relative. */
  private static String displayed(Path target, Path absoluteParent) {
    Path parent = target.getParent();
    return parent != null ? parent.toString() : absoluteParent.toString();
  }
}
