/** The agent that ends a local core's child JVM when its launcher is gone (JDK classes only). */
package io.kubeims.local.watch;
