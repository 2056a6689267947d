/** Minimal PDB reader: MSF 7.00 container, info stream (GUID/age), DBI, section headers, S_PUB32 publics. */
package dev.poolhit.target.pdb;
