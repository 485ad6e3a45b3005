/** The Runs window: every run in progress on this machine, from the app or any terminal. */
package dev.faultline.app.runs;
