package io.keyreview.register;

import java.util.List;

/** A key's register entry for tonight and the changes that led to it. */
record Reconciled(RegisterEntry entry, List<KeyChange> changes) {

}
