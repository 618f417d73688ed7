package org.curlake.api.web;

/** The body of every error response. */
public record ApiError(String error, String message) {}
