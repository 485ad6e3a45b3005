/**
 * Cron expressions for {@code spec.schedule}: the standard five fields with names, lists, ranges
 * and steps, the {@code @hourly}-style macros and Chaos Mesh's {@code @every 5m}, evaluated in an
 * IANA time zone with defined behaviour across daylight-saving changes.
 */
package dev.faultline.model.cron;
