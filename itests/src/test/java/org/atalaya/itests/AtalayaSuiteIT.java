package org.atalaya.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * Every IT, run as one suite so that the distribution boots once (PerSuite). The build runs
 * this class only; a single IT class can still be run alone with -Dit.test=SmokeIT.
 */
@RunWith(Suite.class)
@SuiteClasses({SmokeIT.class, HotDeployIT.class, AnprIT.class, AccessMatrixIT.class, FaceGuardIT.class,
    AuditIT.class, CredentialsIT.class, VehicleRegistryIT.class, DemoIT.class})
public class AtalayaSuiteIT {
}
