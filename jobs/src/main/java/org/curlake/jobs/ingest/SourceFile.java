package org.curlake.jobs.ingest;

/**
 * One delivered CUR file.
 *
 * @param path the Hadoop path (file:/... or s3a://...)
 * @param size length in bytes
 * @param modificationTime last modification, epoch millis
 */
public record SourceFile(String path, long size, long modificationTime) {}
