/**
 * Spectral monitoring of a weight matrix along training (issue 5): per recorded step the
 * diagnostics of the spectrum of WᵀW ({@link org.dysonsim.physics.monitor.SpectralDiagnostics}),
 * a stage label per record and a validation-free stopping signal
 * ({@link org.dysonsim.physics.monitor.TrainingStages}). Pure functions, no actors.
 */
package org.dysonsim.physics.monitor;
